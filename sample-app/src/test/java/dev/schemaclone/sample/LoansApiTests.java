package dev.schemaclone.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class LoansApiTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private MockMvc mvc;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("mockmvc", this.dataSource, getClass());
	}

	@Test
	void memberBorrowsThroughTheApiAndSeesTheLoan() throws Exception {
		MvcResult joined = this.mvc
			.perform(post("/members").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Lin\",\"email\":\"lin@example.org\",\"tier\":\"STUDENT\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		int member = JsonPath.read(joined.getResponse().getContentAsString(), "$.id");
		this.mvc.perform(post("/members/" + member + "/loans/4")).andExpect(status().isCreated());
		this.mvc.perform(get("/members/" + member + "/loans")).andExpect(jsonPath("$.length()").value(1));
		this.mvc.perform(post("/members/" + member + "/loans/999999")).andExpect(status().isConflict());
	}

}
