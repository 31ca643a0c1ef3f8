package dev.schemaclone.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class BooksApiTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private MockMvc mvc;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("mockmvc", this.dataSource, getClass());
	}

	@Test
	void addsAndListsBooks() throws Exception {
		this.mvc.perform(post("/books").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"authorId\":2,\"title\":\"The Cyberiad\",\"genreCode\":\"SF\",\"isbn\":\"9780156027595\",\"copies\":1}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber());
		this.mvc.perform(get("/books"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.title == 'The Cyberiad')]").exists());
	}

}
