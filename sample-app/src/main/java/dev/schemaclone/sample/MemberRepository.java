package dev.schemaclone.sample;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Members and their tiers.
 */
@Repository
public class MemberRepository {

	private final JdbcClient jdbc;

	public MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Member add(Member member, LocalDate joinedOn) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO member (name, email, tier, joined_on) VALUES (?, ?, ?, ?)")
			.params(member.name(), member.email(), member.tier(), joinedOn)
			.update(key);
		return new Member(key.getKey().longValue(), member.name(), member.email(), member.tier());
	}

	public Optional<Member> find(long id) {
		return this.jdbc.sql("SELECT id, name, email, tier FROM member WHERE id = ?")
			.param(id)
			.query(Member.class)
			.optional();
	}

	public int tierMaxLoans(String tier) {
		return this.jdbc.sql("SELECT max_loans FROM membership_tier WHERE code = ?")
			.param(tier)
			.query(Integer.class)
			.single();
	}

	public int tierLoanDays(String tier) {
		return this.jdbc.sql("SELECT loan_days FROM membership_tier WHERE code = ?")
			.param(tier)
			.query(Integer.class)
			.single();
	}

	public long countByNamePrefix(String prefix) {
		return this.jdbc.sql("SELECT COUNT(*) FROM member WHERE name LIKE CONCAT(?, '%')")
			.param(prefix)
			.query(Long.class)
			.single();
	}

}
