package cn.hulian.server.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Background work the server does on its own thread, every {@code interval} after the previous round ended, from
 * the start of the application until its shutdown, which lets the round in hand finish (up to 30 s).
 */
public abstract class PeriodicTask implements SmartLifecycle {

	private final String threadName;
	private final Duration interval;
	private ScheduledExecutorService scheduler;
	private volatile boolean stopping;

	protected PeriodicTask(String threadName, Duration interval) {
		this.threadName = threadName;
		this.interval = interval;
	}

	/** One round of the work; must not throw (a thrown exception would end the schedule). */
	protected abstract void runRound();

	/** Whether the application is shutting down: a long round stops between steps. */
	protected boolean isStopping() {
		return stopping;
	}

	@Override
	public void start() {
		stopping = false;
		scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, threadName));
		scheduler.scheduleWithFixedDelay(this::runRound, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		stopping = true;
		scheduler.shutdown();
		try {
			scheduler.awaitTermination(30, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}
}
