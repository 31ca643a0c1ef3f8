package dev.schemaclone.sample;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@JdbcTest
@Import({ CatalogRepository.class, MemberRepository.class, LoanRepository.class })
class LoanRepositoryJdbcTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private LoanRepository loans;

	@Autowired
	private MemberRepository members;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("jdbc-slice", this.dataSource, getClass());
	}

	@Test
	void openLoansExcludeReturnedOnes() {
		Member member = this.members.add(new Member(null, "Ivo", null, "STUDENT"), LocalDate.now());
		Loan open = this.loans.add(1, member.id(), LocalDate.now(), LocalDate.now().plusDays(28));
		Loan returned = this.loans.add(3, member.id(), LocalDate.now(), LocalDate.now().plusDays(28));
		this.loans.markReturned(returned.id(), LocalDate.now());
		assertThat(this.loans.openLoans(member.id())).extracting(Loan::id).containsExactly(open.id());
	}

}
