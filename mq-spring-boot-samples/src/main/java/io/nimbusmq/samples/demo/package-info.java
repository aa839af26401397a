/**
 * The one-command demo: both services in one JVM on an embedded broker, the whole flow once, a summary and an exit
 * code ({@link io.nimbusmq.samples.demo.DemoApplication}).
 */
package io.nimbusmq.samples.demo;
