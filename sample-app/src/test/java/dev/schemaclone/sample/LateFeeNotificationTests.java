package dev.schemaclone.sample;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

@SpringBootTest
class LateFeeNotificationTests {

	@MockitoBean
	private NotificationSender notifications;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private LendingService lending;

	@Autowired
	private MemberRepository members;

	@Autowired
	private LoanRepository loans;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("mocked-notifications", this.dataSource, getClass());
	}

	@Test
	void lateReturnChargesAFee() {
		Member member = this.members.add(new Member(null, "Sam", "sam@example.org", "STANDARD"), LocalDate.now());
		LocalDate today = LocalDate.now();
		Loan loan = this.loans.add(4, member.id(), today.minusDays(30), today.minusDays(8));
		assertThat(this.lending.giveBack(loan.id())).isEqualByComparingTo("2.00");
		verify(this.notifications).lateFeeCharged(any(), any(), eq(new BigDecimal("2.00")));
	}

}
