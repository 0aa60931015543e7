-module(crash_error).
-export([main/0]).

%% main/0 raises an uncaught error: erl prints {"init terminating in do_boot",...} on stdout
%% and exits with status 1. (Nothing is printed before: such output may be lost on erl.)

main() ->
    error({boom, [1, 2, 3], "text", <<"bin">>}).
