package dev.schemaclone.internal.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MySqlUrlTests {

	@Test
	void swapsTheSchemaAndKeepsTheParameters() {
		MySqlUrl url = MySqlUrl.parse("jdbc:mysql://db.example:3307/app?useSSL=false&serverTimezone=UTC");
		assertThat(url.database()).isEqualTo("app");
		assertThat(url.withDatabase("clone_1").toJdbcUrl())
			.isEqualTo("jdbc:mysql://db.example:3307/clone_1?useSSL=false&serverTimezone=UTC");
	}

	@Test
	void acceptsMariaDbUrlsSeveralHostsAndNoSchema() {
		assertThat(MySqlUrl.parse("jdbc:mariadb://h1:3306,h2:3306").withDatabase("x").toJdbcUrl())
			.isEqualTo("jdbc:mariadb://h1:3306,h2:3306/x");
		assertThat(MySqlUrl.parse("jdbc:mysql:replication://h1,h2/app").hosts()).isEqualTo("h1,h2");
		assertThat(MySqlUrl.parse("jdbc:mysql://localhost/").database()).isEmpty();
	}

	@Test
	void serverKeyIgnoresSchemaAndParameters() {
		assertThat(MySqlUrl.parse("jdbc:mysql://Db:3306/a?x=1").serverKey())
			.isEqualTo(MySqlUrl.parse("jdbc:mysql://db:3306/b").serverKey());
	}

	@Test
	void parametersAreReadInOrder() {
		assertThat(MySqlUrl.parse("jdbc:mysql://h/a?user=u&flag&password=p").parameters()).containsExactly(
				org.assertj.core.api.Assertions.entry("user", "u"), org.assertj.core.api.Assertions.entry("flag", ""),
				org.assertj.core.api.Assertions.entry("password", "p"));
	}

	@Test
	void toStringMasksThePassword() {
		assertThat(MySqlUrl.parse("jdbc:mysql://h/a?user=u&password=s3cret&x=1").toString())
			.isEqualTo("jdbc:mysql://h/a?user=u&password=******&x=1")
			.doesNotContain("s3cret");
	}

	@Test
	void rejectsOtherDatabasesWithoutPrintingThePassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> MySqlUrl.parse("jdbc:postgresql://h/a?password=s3cret"))
			.withMessage(
					"'jdbc:postgresql://h/a?password=******' is not a MySQL or MariaDB JDBC URL: expected jdbc:mysql://host:port/schema or jdbc:mariadb://host:port/schema");
		assertThat(MySqlUrl.isMySql("jdbc:h2:mem:x")).isFalse();
		assertThat(MySqlUrl.isMySql(null)).isFalse();
	}

}
