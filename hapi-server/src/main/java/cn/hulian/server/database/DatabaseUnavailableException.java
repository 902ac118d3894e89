package cn.hulian.server.database;

import cn.hulian.server.errors.ServiceUnavailableException;
import java.time.Duration;

/** 503: the request failed because the database is unreachable; nothing else that needs the database will work now. */
public class DatabaseUnavailableException extends ServiceUnavailableException {

	DatabaseUnavailableException(String message, Duration retryAfter) {
		super(message, retryAfter);
	}
}
