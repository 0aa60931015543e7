-module(proc_big_messages).
-export([main/0]).

%% Sending large and structured terms between processes (deep copy, shared large binaries);
%% the echoed term must be equal.

main() ->
    Echo = spawn(fun echo/0),
    Terms = [lists:seq(1, 100000), list_to_tuple(lists:seq(1, 5000)), binary:copy(<<"x">>, 1000000),
             maps:from_list([{I, [I]} || I <- lists:seq(1, 10000)]), {1 bsl 1000, -1.5, "str", <<1:3>>},
             [fun lists:sort/1, #{a => <<"shared">>}], deep(2000)],
    [begin
         Echo ! {self(), T},
         receive {echo, Back} -> io:format("~w ~w~n", [Back =:= T, erlang:phash2(Back)]) end
     end || T <- Terms],
    Echo ! stop,
    ok.

echo() ->
    receive
        {From, T} -> From ! {echo, T}, echo();
        stop -> ok
    end.

deep(0) -> [];
deep(N) -> [deep(N - 1)].
