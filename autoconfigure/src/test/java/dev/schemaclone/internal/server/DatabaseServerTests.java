package dev.schemaclone.internal.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

}
