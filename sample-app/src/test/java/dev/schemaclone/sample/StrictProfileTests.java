package dev.schemaclone.sample;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
@ActiveProfiles("strict")
class StrictProfileTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private LendingService lending;

	@Autowired
	private MemberRepository members;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("strict", this.dataSource, getClass());
	}

	@Test
	void memberWithoutEmailMayNotBorrow() {
		Member member = this.members.add(new Member(null, "Ola", null, "STANDARD"), LocalDate.now());
		assertThatExceptionOfType(LendingException.class).isThrownBy(() -> this.lending.borrow(member.id(), 1))
			.withMessage("Ola needs an e-mail address to borrow");
	}

}
