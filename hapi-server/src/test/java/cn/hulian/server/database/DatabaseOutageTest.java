package cn.hulian.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageTest {

	@Test
	void aPoolThatCannotConnectIsAnOutage() {
		var timedOut = new SQLTransientConnectionException("hulian - Connection is not available, request timed out");
		assertThat(DatabaseOutage.isCauseOf(new CannotCreateTransactionException("Could not open JPA EntityManager",
				new RuntimeException(timedOut)))).isTrue();
	}

	@Test
	void connectionExceptionsAndShutdownsAreOutages() {
		assertThat(DatabaseOutage.isCauseOf(new SQLException("Connection refused", "08001"))).isTrue();
		assertThat(DatabaseOutage.isCauseOf(new SQLException("I/O error", "08006"))).isTrue();
		assertThat(DatabaseOutage.isCauseOf(new SQLException("terminating connection due to administrator command",
				"57P01"))).isTrue();
		assertThat(DatabaseOutage.isCauseOf(new SQLException("the database system is starting up", "57P03"))).isTrue();
	}

	@Test
	void aRollbackOnAConnectionThePoolClosedIsAnOutage() {
		var rollbackFailed = new IllegalStateException("Unable to rollback against JDBC Connection",
				new SQLException("Connection is closed"));
		assertThat(DatabaseOutage.isCauseOf(rollbackFailed)).isTrue();
	}

	@Test
	void otherDatabaseErrorsAreNot() {
		assertThat(DatabaseOutage.isCauseOf(new SQLException("duplicate key value", "23505"))).isFalse();
		assertThat(DatabaseOutage.isCauseOf(new SQLException("could not serialize access", "40001"))).isFalse();
		assertThat(DatabaseOutage.isCauseOf(new SQLException("no state"))).isFalse();
		assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("not a database failure"))).isFalse();
	}
}
