package cn.hulian.server.packages;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/** Whether the bundled FHIR packages are installed yet: they install in the background while the server starts. */
@Component
public class FhirPackageReadiness {

	private final CompletableFuture<Void> installed = new CompletableFuture<>();

	void markInstalled() {
		installed.complete(null);
	}

	void markFailed(Throwable cause) {
		installed.completeExceptionally(cause);
	}

	public boolean isInstalled() {
		return installed.isDone() && !installed.isCompletedExceptionally();
	}

	/**
	 * Waits until the packages are installed.
	 *
	 * @throws TimeoutException     if they are not installed within {@code wait}
	 * @throws ExecutionException   if their installation failed
	 */
	public void await(Duration wait) throws TimeoutException, ExecutionException, InterruptedException {
		installed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
	}
}
