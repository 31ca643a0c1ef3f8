package dev.schemaclone.internal.copy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.copy.TemplateDefinition.SqlObject;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateDefinitionTests {

	private final TemplateDefinition definition = new TemplateDefinition("sc_tpl_0123456789abcdef", "utf8mb4",
			"utf8mb4_general_ci", List.of(), List.of(), List.of(), List.of(), List.of());

	@Test
	void definerIsDropped() {
		assertThat(TemplateDefinition
			.withoutDefiner("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW `v` AS select 1"))
			.isEqualTo("CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `v` AS select 1");
		assertThat(TemplateDefinition.withoutDefiner("CREATE DEFINER=`app user`@`10.0.0.%` PROCEDURE `p`() BEGIN END"))
			.isEqualTo("CREATE PROCEDURE `p`() BEGIN END");
		assertThat(TemplateDefinition
			.withoutDefiner("CREATE ALGORITHM=UNDEFINED DEFINER=`` SQL SECURITY DEFINER VIEW `v` AS select 1"))
			.isEqualTo("CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `v` AS select 1");
	}

	@Test
	void retargetRewritesQualifiedAndBareMentionsOfTheTemplate() {
		assertThat(this.definition.retarget(
				"select `sc_tpl_0123456789abcdef`.`t`.`id` from sc_tpl_0123456789abcdef.t join sc_tpl_0123456789abcdef_x",
				"sc_c_1_2"))
			.isEqualTo("select `sc_c_1_2`.`t`.`id` from sc_c_1_2.t join sc_tpl_0123456789abcdef_x");
	}

	@Test
	void viewsComeAfterTheViewsTheyRead() {
		String template = "tpl";
		SqlObject outer = new SqlObject("a_outer",
				"CREATE VIEW `a_outer` AS select `tpl`.`b_middle`.`x` from `tpl`.`b_middle`", null);
		SqlObject middle = new SqlObject("b_middle",
				"CREATE VIEW `b_middle` AS select `tpl`.`c_inner`.`x` from `tpl`.`c_inner`", null);
		SqlObject inner = new SqlObject("c_inner", "CREATE VIEW `c_inner` AS select `tpl`.`t`.`x` from `tpl`.`t`",
				null);
		assertThat(ViewOrder.sort(List.of(outer, middle, inner), template)).containsExactly(inner, middle, outer);
	}

	/**
	 * {@code information_schema.COLUMNS} as MySQL 8 fills it ("Generated Columns" and
	 * "Explicit Default Handling" in the reference manual): {@code EXTRA} is
	 * {@code DEFAULT_GENERATED} for
	 * {@code created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP},
	 * {@code DEFAULT_GENERATED on update CURRENT_TIMESTAMP} with {@code ON UPDATE}, and
	 * for {@code DEFAULT (uuid())}, while {@code GENERATION_EXPRESSION} is empty; only
	 * {@code VIRTUAL GENERATED} and {@code STORED GENERATED} columns carry an expression.
	 * MariaDB leaves {@code GENERATION_EXPRESSION} NULL for ordinary columns.
	 */
	@Test
	void onlyColumnsWithAGenerationExpressionAreLeftOutOfTheRowCopy() {
		// EXTRA 'DEFAULT_GENERATED', 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP' on
		// MySQL 8:
		assertThat(TemplateDefinition.isGenerated("")).isFalse();
		// MariaDB, any ordinary column:
		assertThat(TemplateDefinition.isGenerated(null)).isFalse();
		// EXTRA 'VIRTUAL GENERATED' / 'STORED GENERATED' on MySQL 8:
		assertThat(TemplateDefinition.isGenerated("upper(`name`)")).isTrue();
		assertThat(TemplateDefinition.isGenerated("char_length(`name`)")).isTrue();
	}

}
