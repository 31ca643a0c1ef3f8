package dev.schemaclone.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC slice: rolled back after each test, and still on a clone rather than an
 * embedded database.
 */
@JdbcTest
@Import({ CatalogRepository.class, MemberRepository.class, LoanRepository.class })
class CatalogRepositoryJdbcTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private CatalogRepository catalog;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("jdbc-slice", this.dataSource, getClass());
	}

	@Test
	void viewCountsOpenLoans() {
		assertThat(this.catalog.availableCopies(1)).isEqualTo(2);
	}

}
