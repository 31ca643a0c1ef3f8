package dev.schemaclone.sample;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "library.max-loans=1")
class LoanLimitReturnTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private LendingService lending;

	@Autowired
	private MemberRepository members;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("max-loans-1", this.dataSource, getClass());
	}

	@Test
	void returningALoanFreesTheSlot() {
		Member member = this.members.add(new Member(null, "Noor", "noor@example.org", "STAFF"), LocalDate.now());
		Loan first = this.lending.borrow(member.id(), 4);
		this.lending.giveBack(first.id());
		assertThat(this.lending.borrow(member.id(), 4).id()).isGreaterThan(first.id());
	}

}
