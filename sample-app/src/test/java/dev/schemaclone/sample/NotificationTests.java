package dev.schemaclone.sample;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;

@SpringBootTest
class NotificationTests {

	@MockitoBean
	private NotificationSender notifications;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private LendingService lending;

	@Autowired
	private MemberRepository members;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("mocked-notifications", this.dataSource, getClass());
	}

	@Test
	void borrowingConfirmsTheLoan() {
		Member member = this.members.add(new Member(null, "Rui", "rui@example.org", "STANDARD"), LocalDate.now());
		this.lending.borrow(member.id(), 1);
		verify(this.notifications).loanConfirmed(argThat((m) -> m.name().equals("Rui")), any(), any());
	}

}
