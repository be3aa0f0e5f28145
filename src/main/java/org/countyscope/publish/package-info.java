/**
 * What is published and how it is printed: the precision of each kind of figure and the 位次 rule. No Spark, no I/O.
 */
package org.countyscope.publish;
