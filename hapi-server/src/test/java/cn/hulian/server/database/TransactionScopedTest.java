package cn.hulian.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionScopedTest {

	static final class Memo implements TransactionSynchronization {}

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void nothingOutsideATransaction() {
		assertThat(TransactionScoped.get(Memo.class, Memo::new)).isEmpty();
	}

	@Test
	void oneObjectPerTransaction() {
		TransactionSynchronizationManager.initSynchronization();
		Memo first = TransactionScoped.get(Memo.class, Memo::new).orElseThrow();

		assertThat(TransactionScoped.get(Memo.class, Memo::new)).containsSame(first);
		assertThat(TransactionSynchronizationManager.getSynchronizations()).containsExactly(first);

		TransactionSynchronizationManager.clearSynchronization();
		TransactionSynchronizationManager.initSynchronization();
		assertThat(TransactionScoped.get(Memo.class, Memo::new).orElseThrow()).as("the next transaction's")
				.isNotSameAs(first);
	}
}
