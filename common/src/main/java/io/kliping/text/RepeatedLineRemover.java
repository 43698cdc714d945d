package io.kliping.text;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** STUB until the helper lands. */
public final class RepeatedLineRemover {
  public static RepeatedLineRemover create(RepeatedLineSettings settings) {
    return new RepeatedLineRemover();
  }

  public Result apply(Dataset<Row> articles) {
    return new Result(articles, articles.sparkSession().emptyDataFrame());
  }

  public record Result(Dataset<Row> articles, Dataset<Row> debrisLines) {}
}
