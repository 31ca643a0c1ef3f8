package dev.schemaclone.sample;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The library's REST API.
 */
@RestController
public class LibraryController {

	private final CatalogRepository catalog;

	private final MemberRepository members;

	private final LoanRepository loans;

	private final LendingService lending;

	private final Clock clock;

	public LibraryController(CatalogRepository catalog, MemberRepository members, LoanRepository loans,
			LendingService lending, Clock clock) {
		this.catalog = catalog;
		this.members = members;
		this.loans = loans;
		this.lending = lending;
		this.clock = clock;
	}

	@GetMapping("/books")
	public List<Book> books() {
		return this.catalog.findBooks();
	}

	@PostMapping("/books")
	@ResponseStatus(HttpStatus.CREATED)
	public Book addBook(@RequestBody Book book) {
		return this.catalog.addBook(book);
	}

	@PostMapping("/members")
	@ResponseStatus(HttpStatus.CREATED)
	public Member join(@RequestBody Member member) {
		return this.members.add(member, LocalDate.now(this.clock));
	}

	@PostMapping("/members/{memberId}/loans/{bookId}")
	@ResponseStatus(HttpStatus.CREATED)
	public Loan borrow(@PathVariable long memberId, @PathVariable long bookId) {
		return this.lending.borrow(memberId, bookId);
	}

	@GetMapping("/members/{memberId}/loans")
	public List<Loan> openLoans(@PathVariable long memberId) {
		return this.loans.openLoans(memberId);
	}

	@PostMapping("/loans/{loanId}/return")
	public BigDecimal giveBack(@PathVariable long loanId) {
		return this.lending.giveBack(loanId);
	}

	@ExceptionHandler(LendingException.class)
	ProblemDetail refused(LendingException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

}
