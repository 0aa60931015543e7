-module(bif_persistent_term).
-export([main/0]).

%% persistent_term: put/get/erase over a table that grows and shrinks,
%% info/0 (a map whose memory follows what is stored), get/0, terms read
%% without copying (erts_debug:size_shared/1 is 0 for them).

main() ->
    #{count := C0, memory := M0} = persistent_term:info(),
    Keys = [{?MODULE, I} || I <- lists:seq(1, 300)],
    [ok = persistent_term:put(K, {value, K, lists:seq(1, 5)}) || K <- Keys],
    #{count := C1, memory := M1} = persistent_term:info(),
    Got = [persistent_term:get(K) =:= {value, K, lists:seq(1, 5)} || K <- Keys],
    Mine = [K || {{?MODULE, _} = K, _} <- persistent_term:get()],
    V = persistent_term:get({?MODULE, 7}),
    ok = persistent_term:put({?MODULE, 7}, replaced),
    #{count := C2} = persistent_term:info(),
    Erased = [persistent_term:erase(K) || K <- Keys],
    #{count := C3, memory := M3} = persistent_term:info(),
    %% all that may stay is the table's growth (hysteresis): whole words
    Grown = M3 - M0,
    io:format("~p~n", [[C1 - C0, M1 > M0, lists:usort(Got), length(Mine), C2 - C1,
                        lists:usort(Erased), C3 =:= C0, Grown >= 0 andalso Grown rem erlang:system_info(wordsize) =:= 0]]),
    io:format("~p ~p~n", [V, persistent_term:get({?MODULE, 7}, gone)]),
    io:format("~p~n", [[try persistent_term:get(nope) catch error:R -> R end, persistent_term:erase(nope)]]),
    ok = persistent_term:put(shared, [1, 2, 3]),
    io:format("~p ~p~n", [erts_debug:size_shared(persistent_term:get(shared)),
                          erts_debug:size_shared(lists:seq(1, 3))]),
    persistent_term:erase(shared),
    ok.
