package dev.schemaclone.internal.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdentifiersTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "1abc", "Upper", "has-dash", "semi;colon", "back`tick", "a b",
			"much_too_long_for_a_prefix_x" })
	void unsafePrefixIsRejectedWithTheSetting(String prefix) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Identifiers.requireSafePrefix(prefix, "schemaclone.prefix"))
			.withMessage(
					"'%s' is not a safe schema name prefix (from schemaclone.prefix): use 1 to 24 characters of a-z, 0-9 and _, starting with a letter",
					prefix);
	}

	@Test
	void safePrefixIsAccepted() {
		assertThat(Identifiers.requireSafePrefix("sc_test1", "x")).isEqualTo("sc_test1");
	}

	@Test
	void quoteRejectsWhatWouldNeedEscaping() {
		assertThat(Identifiers.quote("sc_c_0a_1")).isEqualTo("`sc_c_0a_1`");
		assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.quote("a`; DROP DATABASE x; --"));
	}

	@Test
	void quoteExistingEscapesBackticks() {
		assertThat(Identifiers.quoteExisting("we`ird")).isEqualTo("`we``ird`");
	}

}
