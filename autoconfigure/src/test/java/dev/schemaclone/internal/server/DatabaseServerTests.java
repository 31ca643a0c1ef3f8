package dev.schemaclone.internal.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseServerTests {

	@Test
	void credentialsAreTakenOutOfTheUrl() {
		DatabaseServer server = DatabaseServer
			.fromUrlWithCredentials("jdbc:mysql://127.0.0.1:3306/app?user=ci&password=s3cret&useSSL=false");
		assertThat(server.username()).isEqualTo("ci");
		assertThat(server.password()).isEqualTo("s3cret");
		assertThat(server.url().toJdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/?useSSL=false");
	}

	@Test
	void toStringNeverShowsThePassword() {
		DatabaseServer server = DatabaseServer.fromUrlWithCredentials("jdbc:mysql://h/?user=ci&password=s3cret");
		assertThat(server.toString()).isEqualTo("jdbc:mysql://h/ as 'ci'").doesNotContain("s3cret");
	}

	@Test
	void urlOfASchemaKeepsTheParameters() {
		DatabaseServer server = DatabaseServer.fromUrlWithCredentials("jdbc:mariadb://h:3307/?user=u&x=1");
		assertThat(server.urlOf("sc_c_1_1").toJdbcUrl()).isEqualTo("jdbc:mariadb://h:3307/sc_c_1_1?x=1");
	}

	@Test
	void severalServersAreRefusedNamingTheFirstHostToUseInstead() {
		assertThatExceptionOfType(SchemaCloneException.class)
			.isThrownBy(() -> DatabaseServer
				.fromUrlWithCredentials("jdbc:mysql:loadbalance://db1:3306,db2:3306/?user=u&password=s3cret&x=1"))
			.withMessage(
					"schemaclone needs the URL of one server, but jdbc:mysql:loadbalance://db1:3306,db2:3306/?x=1 names several "
							+ "(load balancing, replication or failover): the named locks and the registry that tell schemaclone's processes apart "
							+ "live in one server, so its sessions could land on different servers and drop each other's schemas. "
							+ "Point the tests' datasource at one server, such as the first host: jdbc:mysql://db1:3306/?x=1");
		assertThatExceptionOfType(SchemaCloneException.class)
			.isThrownBy(() -> new DatabaseServer(MySqlUrl.parse("jdbc:mariadb:replication://h1/app"), "u", "p"))
			.withMessageEndingWith("such as the first host: jdbc:mariadb://h1/app");
		assertThatExceptionOfType(SchemaCloneException.class)
			.isThrownBy(() -> new DatabaseServer(MySqlUrl.parse("jdbc:mysql://h1,h2/app"), "u", "p"))
			.withMessageEndingWith("such as the first host: jdbc:mysql://h1/app");
	}

	@Test
	void oneServerInAnyOfTheDriversFormsIsAccepted() {
		assertThat(MySqlUrl.parse("jdbc:mysql://address=(host=h1)(port=3307)/app").namesOneServer()).isTrue();
		assertThat(MySqlUrl.parse("jdbc:mysql://(host=h1,port=3307)/app").namesOneServer()).isTrue();
		assertThat(MySqlUrl.parse("jdbc:mysql://(host=h1,port=3307),(host=h2,port=3307)/app").firstServer().hosts())
			.isEqualTo("(host=h1,port=3307)");
	}

}
