# Three layers: the user's torbay (visits) over the system's (reviews, here
# --rules) over the built-in one; profile show names each rule's layer.
XDG_CONFIG_HOME=$(pwd)/user "$CINPLAN" profile show torbay --rules system |
    grep -E '^\[|^  (when|in force|defined|replaces):' |
    sed "s|$(pwd)/||"
