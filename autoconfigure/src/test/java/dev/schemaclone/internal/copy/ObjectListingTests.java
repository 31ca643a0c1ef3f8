package dev.schemaclone.internal.copy;

import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.copy.TemplateDefinition.Kind;
import dev.schemaclone.internal.server.SchemaCloneException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ObjectListingTests {

	@Test
	void knownTypesHaveTheirKinds() {
		assertThat(ObjectListing.kind("t", "a", "BASE TABLE")).isEqualTo(Kind.TABLE);
		assertThat(ObjectListing.kind("t", "a", "SYSTEM VERSIONED")).isEqualTo(Kind.SYSTEM_VERSIONED);
		assertThat(ObjectListing.kind("t", "a", "SEQUENCE")).isEqualTo(Kind.SEQUENCE);
	}

	@Test
	void unknownTypeIsRefusedNamingTheObjectAndItsType() {
		assertThatExceptionOfType(SchemaCloneException.class)
			.isThrownBy(() -> ObjectListing.kind("sc_tpl_1", "scratch", "TEMPORARY"))
			.withMessage(
					"Cannot clone template 'sc_tpl_1': 'scratch' is of type 'TEMPORARY', which schemaclone does not know how to copy;"
							+ " keep such objects out of the migrations");
	}

}
