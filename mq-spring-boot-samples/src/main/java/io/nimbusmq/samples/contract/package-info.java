/**
 * What the order service and the logistics service agree on: topic names, tags, properties and message types.
 */
package io.nimbusmq.samples.contract;
