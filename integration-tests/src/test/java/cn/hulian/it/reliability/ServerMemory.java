package cn.hulian.it.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much heap the server's live objects take: a full collection first (jcmd, as an operator would), then the heap
 * the server reports in its Prometheus metrics. Comparing it before and after a scenario shows whether memory grows.
 */
final class ServerMemory {

	private static final Pattern HEAP_USED =
			Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\",[^}]*\\}\\s+(\\S+)$");

	private final long pid;
	private final String baseUrl;

	ServerMemory(long pid, String baseUrl) {
		this.pid = pid;
		this.baseUrl = baseUrl;
	}

	long liveHeapBytes() {
		collectGarbage();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(30)).build();
		try {
			String metrics = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
			Matcher heap = HEAP_USED.matcher(metrics);
			double used = 0;
			while (heap.find()) {
				used += Double.parseDouble(heap.group(1));
			}
			return (long) used;
		} catch (IOException e) {
			throw new IllegalStateException("The server did not report its memory", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void collectGarbage() {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		try {
			Process gc = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
				throw new IllegalStateException("jcmd " + pid + " GC.run failed");
			}
		} catch (IOException e) {
			throw new IllegalStateException("Could not run jcmd", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String megabytes(long bytes) {
		return Math.round(bytes / (1024.0 * 1024)) + " MB";
	}
}
