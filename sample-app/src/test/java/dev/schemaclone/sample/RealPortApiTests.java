package dev.schemaclone.sample;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RealPortApiTests {

	@Autowired
	private DataSource dataSource;

	@LocalServerPort
	private int port;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("real-port", this.dataSource, getClass());
	}

	@Test
	void listsTheCatalogueOverHttp() {
		List<Book> books = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/books")
			.retrieve()
			.body(new ParameterizedTypeReference<List<Book>>() {
			});
		assertThat(books).extracting(Book::isbn).contains("9780156027601");
	}

}
