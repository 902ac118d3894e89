package cn.hulian.server.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure caused by the database being unreachable (stopped, restarting, network gone, pool exhausted while it
 * is away) from any other: only those are worth a 503 and a retry.
 */
public final class DatabaseOutage {

	/**
	 * PostgreSQL's SQLSTATEs of a server that is shutting down or not accepting connections yet; class 08 (connection
	 * exception) is matched as a whole.
	 */
	private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	private DatabaseOutage() {}

	/** Whether {@code failure}, or anything that caused it, says the database could not be reached. */
	public static boolean isCauseOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			// Hikari's "Connection is not available, request timed out" while every connection attempt fails.
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
				return true;
			}
			// Hikari's stand-in for a connection it evicted as broken. When the database goes away mid-transaction,
			// the rollback fails on it, and that failure replaces the driver's own error, which had the SQLSTATE.
			if (cause instanceof SQLException closed && closed.getSQLState() == null
					&& HIKARI_CLOSED_CONNECTION.equals(closed.getMessage())) {
				return true;
			}
		}
		return false;
	}
}
