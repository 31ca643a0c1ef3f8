package dev.schemaclone.internal.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A {@code jdbc:mysql:} or {@code jdbc:mariadb:} URL split into server, schema and
 * parameters, so that the schema can be swapped and everything else kept.
 *
 * @param scheme everything up to and including {@code //}
 * @param hosts the host list, with ports
 * @param database the schema in the path, empty when there is none
 * @param query the parameters after {@code ?}, without it, empty when there are none
 */
public record MySqlUrl(String scheme, String hosts, String database, String query) {

	private static final Pattern URL = Pattern
		.compile("(jdbc:(?:mysql|mariadb)(?::[a-z]+)?://)([^/?]+)(?:/([^?]*))?(?:\\?(.*))?", Pattern.CASE_INSENSITIVE);

	/**
	 * Parse a MySQL or MariaDB JDBC URL.
	 * @param url the URL
	 * @return the parsed URL
	 * @throws IllegalArgumentException if the URL is {@code null} or not a MySQL or
	 * MariaDB JDBC URL
	 */
	public static MySqlUrl parse(@Nullable String url) {
		Matcher matcher = URL.matcher((url != null) ? url.trim() : "");
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"'%s' is not a MySQL or MariaDB JDBC URL: expected jdbc:mysql://host:port/schema or jdbc:mariadb://host:port/schema"
						.formatted((url != null) ? redact(url) : null));
		}
		return new MySqlUrl(matcher.group(1), matcher.group(2), (matcher.group(3) != null) ? matcher.group(3) : "",
				(matcher.group(4) != null) ? matcher.group(4) : "");
	}

	/**
	 * Return whether the URL names a MySQL or MariaDB server.
	 * @param url a JDBC URL, may be {@code null}
	 * @return whether {@link #parse} accepts it
	 */
	public static boolean isMySql(@Nullable String url) {
		return url != null && URL.matcher(url.trim()).matches();
	}

	/**
	 * Return the same URL with another schema.
	 * @param schema the schema, or an empty string for none
	 * @return the new URL
	 */
	public MySqlUrl withDatabase(String schema) {
		return new MySqlUrl(this.scheme, this.hosts, schema, this.query);
	}

	/**
	 * Return the URL parameters in order.
	 * @return the parameters
	 */
	public Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (!this.query.isEmpty()) {
			for (String pair : this.query.split("&")) {
				int equals = pair.indexOf('=');
				parameters.put((equals < 0) ? pair : pair.substring(0, equals),
						(equals < 0) ? "" : pair.substring(equals + 1));
			}
		}
		return parameters;
	}

	/**
	 * Return the first server a URL names: itself when it names one, else its first host
	 * with the plain scheme, for a URL of load balancing, replication or failover.
	 * @return the URL of one server
	 */
	public MySqlUrl firstServer() {
		String plainScheme = this.scheme.replaceFirst("(?i)^(jdbc:(?:mysql|mariadb))(?::[a-z]+)?://", "$1://");
		return new MySqlUrl(plainScheme, this.hosts.substring(0, endOfFirstHost()), this.database, this.query);
	}

	/**
	 * Return whether the URL names one server: no sub-protocol such as
	 * {@code loadbalance:} or {@code replication:}, and one host.
	 * @return whether it does
	 */
	public boolean namesOneServer() {
		return firstServer().equals(this);
	}

	/**
	 * Return where the first host ends: at the first comma outside parentheses, which the
	 * {@code address=(host=…)(port=…)} and {@code (host=…,port=…)} forms use.
	 */
	private int endOfFirstHost() {
		int depth = 0;
		for (int i = 0; i < this.hosts.length(); i++) {
			char c = this.hosts.charAt(i);
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			if (c == ',' && depth == 0) {
				return i;
			}
		}
		return this.hosts.length();
	}

	/**
	 * Return a key that is the same for every URL naming the same server.
	 * @return the server key
	 */
	public String serverKey() {
		return this.scheme.toLowerCase() + this.hosts.toLowerCase();
	}

	/**
	 * Return the URL as the driver needs it, password included.
	 * @return the full URL
	 */
	public String toJdbcUrl() {
		return this.scheme + this.hosts + "/" + this.database + (this.query.isEmpty() ? "" : "?" + this.query);
	}

	/**
	 * Return the URL with any password parameter masked, fit for messages and logs.
	 */
	@Override
	public String toString() {
		return redact(toJdbcUrl());
	}

	/**
	 * Return a URL with any password parameter masked.
	 * @param url any JDBC URL
	 * @return the masked URL
	 */
	public static String redact(String url) {
		return url.replaceAll("(?i)(password\\d?=)[^&]*", "$1******");
	}

}
