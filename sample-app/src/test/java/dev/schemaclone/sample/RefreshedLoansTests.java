package dev.schemaclone.sample;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A context that returns its clone to the template's state after each test method: every
 * test starts on the migrated library, and the first member it adds gets id 1. Shares its
 * context with {@link RefreshedCatalogTests}, which runs in parallel.
 */
@SpringBootTest(properties = "schemaclone.refresh=after-each-test-method")
class RefreshedLoansTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private LendingService lending;

	@Autowired
	private MemberRepository members;

	@Test
	void runsOnItsOwnClone() {
		PristineLibrary.assertPristine(this.dataSource);
		ContextCheck.assertOwnSchema("refresh-per-method", this.dataSource, getClass());
	}

	@Test
	void firstMemberBorrows() throws InterruptedException {
		borrowAsFirstMember("Ada", 1);
	}

	@Test
	void anotherFirstMemberBorrows() throws InterruptedException {
		borrowAsFirstMember("Grace", 4);
	}

	private void borrowAsFirstMember(String name, long book) throws InterruptedException {
		PristineLibrary.assertPristine(this.dataSource);
		Member member = this.members.add(new Member(null, name, name.toLowerCase() + "@example.org", "STAFF"),
				LocalDate.now());
		assertThat(member.id()).isEqualTo(1);
		this.lending.borrow(member.id(), book);
		PristineLibrary.overlap();
		assertThat(new JdbcTemplate(this.dataSource).queryForList("SELECT member_id FROM loan", Long.class))
			.containsExactly(1L);
	}

}
