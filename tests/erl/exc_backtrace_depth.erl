-module(exc_backtrace_depth).
-export([main/0]).
r(0) -> error(deep); r(N) -> 1 + r(N - 1).
main() ->
    [begin
         erlang:system_flag(backtrace_depth, D),
         {'EXIT', {deep, S}} = (catch r(30)),
         io:format("~p ~p~n", [D, length(S)])
     end || D <- [0, 1, 3, 8, 20, 64, 100]], ok.
