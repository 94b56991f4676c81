/**
 * World-model modules as data: mechanic packs, memory policies and framing packs. A module is a
 * JSON document ({@code aurelius.module/1}), content-addressed and signed like a configuration,
 * checked in the configuration's CEL and template sandbox, and imported by configurations by id
 * from the adopted set ({@link io.aurelius.config.module.ModuleSet}).
 */
package io.aurelius.config.module;
