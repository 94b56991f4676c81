/**
 * The ULFR outcome map a configuration is measured with: the one it declares, or one derived from
 * its declared state and events by a fixed, documented rule ({@link
 * io.aurelius.config.outcome.OutcomeMaps}), so the catalogue and SN37 imports are measured without
 * hand-written maps. Depends on the configuration model only.
 */
package io.aurelius.config.outcome;
