package cn.hulian.bench.load;

/**
 * A server's answer to one request, and how long it took (from sending the request to reading the whole body).
 *
 * @param nanos the latency in nanoseconds
 */
public record Answer(int status, String body, long nanos) {

	public boolean isSuccess() {
		return status >= 200 && status < 300;
	}

	/** How many entries the answer's Bundle has (search hits, included resources, transaction results). */
	public int entries() {
		int count = 0;
		for (int at = body.indexOf("\"fullUrl\""); at >= 0; at = body.indexOf("\"fullUrl\"", at + 1)) {
			count++;
		}
		return count;
	}
}
