package dev.schemaclone.sample;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clone's view, triggers and stored function work on the clone's own rows.
 */
@SpringBootTest
class DatabaseObjectsTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private LoanRepository loans;

	@Autowired
	private MemberRepository members;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("default", this.dataSource, getClass());
	}

	@Test
	void triggersRecordLoanEventsInTheClone() {
		Member member = this.members.add(new Member(null, "Grace", null, "STAFF"), LocalDate.now());
		Loan loan = this.loans.add(4, member.id(), LocalDate.now(), LocalDate.now().plusDays(7));
		this.loans.markReturned(loan.id(), LocalDate.now());
		assertThat(this.loans.events(loan.id())).containsExactly("BORROWED", "RETURNED");
	}

	@Test
	void storedFunctionComputesLateFees() {
		assertThat(this.loans.lateFee(0)).isEqualByComparingTo("0");
		assertThat(this.loans.lateFee(8)).isEqualByComparingTo("2.00");
		assertThat(this.loans.lateFee(400)).isEqualByComparingTo("10.00");
	}

}
