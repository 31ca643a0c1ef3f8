package dev.schemaclone.sample;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class LendingTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private LendingService lending;

	@Autowired
	private CatalogRepository catalog;

	@Autowired
	private MemberRepository members;

	@Autowired
	private LoanRepository loans;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("default", this.dataSource, getClass());
	}

	@Test
	void borrowingTakesACopyAndReturningGivesItBack() {
		Member member = this.members.add(new Member(null, "Ada", "ada@example.org", "STANDARD"), LocalDate.now());
		long author = this.catalog.addAuthor("Ted Chiang");
		Book book = this.catalog.addBook(new Book(null, author, "Exhalation", "SF", "9781101947883", 1));
		Loan loan = this.lending.borrow(member.id(), book.id());
		assertThat(this.catalog.availableCopies(book.id())).isZero();
		assertThat(loan.dueOn()).isEqualTo(loan.borrowedOn().plusDays(21));
		assertThatExceptionOfType(LendingException.class).isThrownBy(() -> this.lending.borrow(member.id(), book.id()))
			.withMessage("No copy of 'Exhalation' is available");
		assertThat(this.lending.giveBack(loan.id())).isZero();
		assertThat(this.catalog.availableCopies(book.id())).isEqualTo(1);
	}

}
