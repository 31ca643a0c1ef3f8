package dev.schemaclone.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Loans and their history.
 */
@Repository
public class LoanRepository {

	private static final String COLUMNS = "id, book_id, member_id, borrowed_on, due_on, returned_on";

	private final JdbcClient jdbc;

	public LoanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Loan add(long bookId, long memberId, LocalDate borrowedOn, LocalDate dueOn) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO loan (book_id, member_id, borrowed_on, due_on) VALUES (?, ?, ?, ?)")
			.params(bookId, memberId, borrowedOn, dueOn)
			.update(key);
		return new Loan(key.getKey().longValue(), bookId, memberId, borrowedOn, dueOn, null);
	}

	public Optional<Loan> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM loan WHERE id = ?").param(id).query(Loan.class).optional();
	}

	public List<Loan> openLoans(long memberId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM loan WHERE member_id = ? AND returned_on IS NULL ORDER BY id")
			.param(memberId)
			.query(Loan.class)
			.list();
	}

	public void markReturned(long id, LocalDate returnedOn) {
		this.jdbc.sql("UPDATE loan SET returned_on = ? WHERE id = ?").params(returnedOn, id).update();
	}

	public List<String> events(long loanId) {
		return this.jdbc.sql("SELECT kind FROM loan_event WHERE loan_id = ? ORDER BY id")
			.param(loanId)
			.query(String.class)
			.list();
	}

	public BigDecimal lateFee(int daysLate) {
		return this.jdbc.sql("SELECT late_fee(?)").param(daysLate).query(BigDecimal.class).single();
	}

}
