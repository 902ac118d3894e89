package cn.hulian.it.reliability;

import java.time.Duration;

/**
 * One row of the suite's table.
 *
 * @param requests     requests sent
 * @param acknowledged writes the server answered with 2xx
 * @param lost         acknowledged writes not fully present afterwards
 * @param partial      writes present in part (a transaction with some of its entries stored)
 * @param serverErrors answers with a 5xx status other than the 503 an outage calls for
 * @param recovery     how long the server took to serve again after the fault ended (null: no fault)
 * @param notes        what else was measured, in a few words
 */
record ScenarioResult(String scenario, long requests, long acknowledged, long lost, long partial, long serverErrors,
		Duration recovery, String notes) {
}
