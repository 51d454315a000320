/**
 * The BiDNN as one DL4J layer, split as DL4J splits its layers: the configuration
 * ({@code BiDNNLayerConfig}), the parameter initializer with the tied central weights
 * ({@code BiDNNParamInitializer}), and the implementation ({@code BiDNNLayer}) with its hand-written
 * forward and backward passes, dropout masks and loss.
 *
 * <p>Depends on DL4J and ND4J only: no other package of the project.
 */
package org.bidnn.model.layer;
