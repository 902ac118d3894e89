package cn.hulian.server.database;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Objects that live as long as one database transaction, as a synchronization registered with it. */
public final class TransactionScoped {

	private TransactionScoped() {}

	/**
	 * The current transaction's {@code type}, created with {@code create} and registered on first use; empty outside a
	 * transaction. Only the current transaction's synchronizations are searched (an enclosing one's are suspended), so
	 * a nested {@code REQUIRES_NEW} transaction gets its own.
	 */
	public static <T extends TransactionSynchronization> Optional<T> get(Class<T> type, Supplier<T> create) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return Optional.empty();
		}
		for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
			if (type.isInstance(registered)) {
				return Optional.of(type.cast(registered));
			}
		}
		T created = create.get();
		TransactionSynchronizationManager.registerSynchronization(created);
		return Optional.of(created);
	}
}
