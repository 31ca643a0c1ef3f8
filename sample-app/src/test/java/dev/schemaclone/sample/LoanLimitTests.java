package dev.schemaclone.sample;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(properties = "library.max-loans=1")
class LoanLimitTests {

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
	void secondLoanIsRefused() {
		Member member = this.members.add(new Member(null, "Kim", "kim@example.org", "STAFF"), LocalDate.now());
		this.lending.borrow(member.id(), 1);
		assertThatExceptionOfType(LendingException.class).isThrownBy(() -> this.lending.borrow(member.id(), 4))
			.withMessage("Kim already holds 1 loans");
	}

}
