package cn.hulian.it.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/** Concurrent clients, each on its own thread, as several hospital systems calling at once. */
final class Clients {

	private Clients() {}

	/**
	 * Runs {@code count} clients; client {@code n} calls {@code step.test(n)} again and again until it returns false.
	 * Returns once every client has stopped; a client's failure fails the caller.
	 */
	static void run(int count, IntPredicate step) {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			List<Future<?>> clients = new ArrayList<>();
			for (int n = 0; n < count; n++) {
				int client = n;
				clients.add(threads.submit(() -> {
					while (step.test(client)) {
						// next request
					}
				}));
			}
			for (Future<?> client : clients) {
				client.get();
			}
		} catch (ExecutionException e) {
			throw new IllegalStateException("A client failed", e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} finally {
			threads.shutdownNow();
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static void join(Thread thread) {
		try {
			thread.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
