# The return on standard input ("-").
"$CINPLAN" census - --format csv < ../../data/census/cin-census-sample-2022.xml
