package cn.hulian.server.input;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request whose body is shown to a {@link BodyInspector} chunk by chunk as the application reads it, so a check can
 * refuse a body part way through without the body ever being held whole. Wrappers nest: each inspector sees every byte.
 */
public final class InspectedBodyRequest extends HttpServletRequestWrapper {

	/** Sees the body as it is read; throws (an HAPI exception, for an OperationOutcome) to stop the reading. */
	public interface BodyInspector {

		/** {@code length} more bytes from {@code buffer[offset]} on, the first at {@code position} in the body. */
		void inspect(byte[] buffer, int offset, int length, long position);

		/** The body has been read to its end. */
		default void endOfBody(long length) {}
	}

	private final BodyInspector inspector;
	private ServletInputStream stream;

	public InspectedBodyRequest(HttpServletRequest request, BodyInspector inspector) {
		super(request);
		this.inspector = inspector;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (stream == null) {
			stream = new InspectedStream(super.getInputStream());
		}
		return stream;
	}

	private final class InspectedStream extends ServletInputStream {
		private final ServletInputStream delegate;
		private final byte[] single = new byte[1];
		private long position;

		InspectedStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int read = read(single, 0, 1);
			return read < 0 ? -1 : single[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = delegate.read(buffer, offset, length);
			if (read > 0) {
				inspector.inspect(buffer, offset, read, position);
				position += read;
			} else if (read < 0) {
				inspector.endOfBody(position);
			}
			return read;
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
