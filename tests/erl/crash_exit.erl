-module(crash_exit).
-export([main/0]).

%% main/0 exits with an uncaught exit reason.

main() ->
    exit({shutdown, id(because)}).

id(X) -> X.
