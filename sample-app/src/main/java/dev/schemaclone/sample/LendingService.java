package dev.schemaclone.sample;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lends books and takes them back, by the library's rules and the member's tier.
 */
@Service
public class LendingService {

	private final CatalogRepository catalog;

	private final MemberRepository members;

	private final LoanRepository loans;

	private final NotificationSender notifications;

	private final LibraryProperties properties;

	private final Clock clock;

	public LendingService(CatalogRepository catalog, MemberRepository members, LoanRepository loans,
			NotificationSender notifications, LibraryProperties properties, Clock clock) {
		this.catalog = catalog;
		this.members = members;
		this.loans = loans;
		this.notifications = notifications;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public Loan borrow(long memberId, long bookId) {
		Member member = this.members.find(memberId).orElseThrow(() -> new LendingException("No member " + memberId));
		Book book = this.catalog.findBook(bookId).orElseThrow(() -> new LendingException("No book " + bookId));
		if (this.properties.requireEmail() && member.email() == null) {
			throw new LendingException(member.name() + " needs an e-mail address to borrow");
		}
		int limit = Math.min(this.properties.maxLoans(), this.members.tierMaxLoans(member.tier()));
		if (this.loans.openLoans(memberId).size() >= limit) {
			throw new LendingException(member.name() + " already holds " + limit + " loans");
		}
		if (this.catalog.availableCopies(bookId) <= 0) {
			throw new LendingException("No copy of '" + book.title() + "' is available");
		}
		LocalDate today = LocalDate.now(this.clock);
		Loan loan = this.loans.add(bookId, memberId, today, today.plusDays(this.members.tierLoanDays(member.tier())));
		this.notifications.loanConfirmed(member, book, loan);
		return loan;
	}

	@Transactional
	public BigDecimal giveBack(long loanId) {
		Loan loan = this.loans.find(loanId).orElseThrow(() -> new LendingException("No loan " + loanId));
		if (loan.returnedOn() != null) {
			throw new LendingException("Loan " + loanId + " was returned already");
		}
		LocalDate today = LocalDate.now(this.clock);
		this.loans.markReturned(loanId, today);
		BigDecimal fee = this.loans.lateFee((int) ChronoUnit.DAYS.between(loan.dueOn(), today));
		if (fee.signum() > 0) {
			this.notifications.lateFeeCharged(this.members.find(loan.memberId()).orElseThrow(), loan, fee);
		}
		return fee;
	}

}
