package dev.schemaclone.internal.copy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.copy.TemplateDefinition.Column;
import dev.schemaclone.internal.copy.TemplateDefinition.Kind;
import dev.schemaclone.internal.copy.TemplateDefinition.Table;

import static org.assertj.core.api.Assertions.assertThat;

class CloneCheckTests {

	private final CloneCheck check = CloneCheck.of(
			new TemplateDefinition("sc_tpl_0123456789abcdef", "utf8mb4", "utf8mb4_general_ci",
					List.of(new Table("person", "CREATE TABLE `person` (…)", Kind.TABLE, true,
							List.of(new Column("id", "bigint"), new Column("na,me:\t`x`", "varchar"))),
							new Table("person_seq", "CREATE SEQUENCE …", Kind.SEQUENCE, true, List.of()),
							new Table("audit", "CREATE TABLE `audit` (…)", Kind.SYSTEM_VERSIONED, false, List.of())),
					List.of(), List.of(), List.of(), List.of()),
			new PristineState(new CatalogDigest(Map.of("TABLES", List.of("TABLE_SCHEMA", "TABLE_NAME"))),
					new SchemaState("TABLES:3/1/2", Map.of("person", 4L),
							Map.of("person", "3/5/6", "person_seq", "1/7/8"), Set.of())));

	@Test
	void checkReadBackFromItsBytesWritesTheSameBytes() {
		byte[] bytes = this.check.toBytes();
		assertThat(CloneCheck.fromBytes(bytes).toBytes()).isEqualTo(bytes);
	}

	@Test
	void bytesCutShortAreNoCheck() {
		byte[] bytes = this.check.toBytes();
		assertThat(CloneCheck.fromBytes(Arrays.copyOf(bytes, bytes.length / 2))).isNull();
	}

	@Test
	void bytesOfAnotherFormatAreNoCheck() {
		byte[] bytes = this.check.toBytes();
		// The format of the checks an earlier version kept, whose digests differ.
		ByteBuffer.wrap(bytes).putInt(0, 1);
		assertThat(CloneCheck.fromBytes(bytes)).isNull();
	}

}
