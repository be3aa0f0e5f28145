package org.countyscope.review;

/** A 招商引资 contract with the 到位资金 it has received up to the review month (万元). */
public record ContractFunds(String contractCode, String name, String regionCode, double signedAmount,
                            double fundsToDate, double fundsThisMonth) {
}
