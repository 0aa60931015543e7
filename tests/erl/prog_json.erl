-module(prog_json).
-export([main/0]).

%% A small JSON encoder and decoder (iolists, binaries, escapes, numbers) with round trips.

main() ->
    Doc = #{<<"name">> => <<"girder">>, <<"version">> => 1, <<"pi">> => 3.25, <<"tags">> => [<<"a">>, <<"b\"q">>],
            <<"nested">> => #{<<"ok">> => true, <<"nothing">> => null, <<"list">> => [1, -2, [], #{}]},
            <<"esc">> => <<"line\nbreak\ttab\\slash">>},
    J = iolist_to_binary(enc(Doc)),
    io:format("~s~n", [J]),
    {D, <<>>} = dec(J),
    io:format("~p~n", [D =:= Doc]),
    [io:format("~s -> ~p~n", [S, element(1, dec(S))]) || S <- [<<"[1, 2 ,3]">>, <<"{\"a\": {\"b\": [true, false]}}">>,
                                                              <<"\"\\u0041\\n\"">>, <<"-12">>, <<"1.5e2">>, <<"  null">>]],
    Big = [#{<<"id">> => I, <<"sq">> => I * I, <<"name">> => integer_to_binary(I)} || I <- lists:seq(1, 200)],
    BJ = iolist_to_binary(enc(Big)),
    io:format("~w ~w~n", [byte_size(BJ), erlang:crc32(BJ)]),
    {Back, <<>>} = dec(BJ),
    io:format("~p~n", [Back =:= Big]),
    ok.

enc(null) -> <<"null">>;
enc(true) -> <<"true">>;
enc(false) -> <<"false">>;
enc(N) when is_integer(N) -> integer_to_binary(N);
enc(F) when is_float(F) -> float_to_binary(F, [short]);
enc(B) when is_binary(B) -> [$", esc(B), $"];
enc(L) when is_list(L) -> [$[, join([enc(X) || X <- L]), $]];
enc(M) when is_map(M) -> [${, join([[enc(K), $:, enc(V)] || {K, V} <- lists:sort(maps:to_list(M))]), $}].

join([]) -> [];
join([H | T]) -> [H | [[$,, X] || X <- T]].

esc(B) -> [case C of $" -> <<"\\\"">>; $\\ -> <<"\\\\">>; $\n -> <<"\\n">>; $\t -> <<"\\t">>; _ -> C end || <<C>> <= B].

ws(<<C, R/binary>>) when C =:= $\s; C =:= $\n; C =:= $\t -> ws(R);
ws(B) -> B.

dec(B) -> val(ws(B)).

val(<<"null", R/binary>>) -> {null, ws(R)};
val(<<"true", R/binary>>) -> {true, ws(R)};
val(<<"false", R/binary>>) -> {false, ws(R)};
val(<<$", R/binary>>) -> str(R, <<>>);
val(<<$[, R/binary>>) -> arr(ws(R), []);
val(<<${, R/binary>>) -> obj(ws(R), #{});
val(B) -> num(B, <<>>).

str(<<$", R/binary>>, Acc) -> {Acc, ws(R)};
str(<<$\\, $n, R/binary>>, Acc) -> str(R, <<Acc/binary, $\n>>);
str(<<$\\, $t, R/binary>>, Acc) -> str(R, <<Acc/binary, $\t>>);
str(<<$\\, $u, H:4/binary, R/binary>>, Acc) -> str(R, <<Acc/binary, (binary_to_integer(H, 16))/utf8>>);
str(<<$\\, C, R/binary>>, Acc) -> str(R, <<Acc/binary, C>>);
str(<<C, R/binary>>, Acc) -> str(R, <<Acc/binary, C>>).

arr(<<$], R/binary>>, Acc) -> {lists:reverse(Acc), ws(R)};
arr(B, Acc) ->
    {V, R} = val(B),
    case ws(R) of
        <<$,, R2/binary>> -> arr(ws(R2), [V | Acc]);
        <<$], R2/binary>> -> {lists:reverse([V | Acc]), ws(R2)}
    end.

obj(<<$}, R/binary>>, Acc) -> {Acc, ws(R)};
obj(B, Acc) ->
    {K, R} = val(B),
    <<$:, R1/binary>> = ws(R),
    {V, R2} = val(ws(R1)),
    case ws(R2) of
        <<$,, R3/binary>> -> obj(ws(R3), Acc#{K => V});
        <<$}, R3/binary>> -> {Acc#{K => V}, ws(R3)}
    end.

num(<<C, R/binary>>, Acc) when C >= $0, C =< $9; C =:= $-; C =:= $.; C =:= $e; C =:= $E; C =:= $+ ->
    num(R, <<Acc/binary, C>>);
num(R, Acc) ->
    N = case binary:match(Acc, [<<".">>, <<"e">>, <<"E">>]) of
            nomatch -> binary_to_integer(Acc);
            _ -> fixfloat(Acc)
        end,
    {N, ws(R)}.

fixfloat(B) ->
    case binary:match(B, <<".">>) of
        nomatch -> [M, E] = binary:split(B, [<<"e">>, <<"E">>]), binary_to_float(<<M/binary, ".0e", E/binary>>);
        _ -> binary_to_float(B)
    end.
